/** The EC2-compatible Query API: action catalogue and error codes. */
package io.weft.spec.ec2;
