package io.github.camelsd.component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-job token a callback URL carries. The API documents no signature for its webhooks, so a callback proves
 * itself by the token alone: 128 random bits, which also say what the callback is for, and an HMAC-SHA256 of them under
 * the webhook secret. Checking one needs no state: any instance configured with the same secret (webhookSecret)
 * accepts the callbacks of jobs another instance submitted, also after a restart.
 */
final class SdWebhookTokens {

    /** What a callback is for, the token's first character. */
    enum Use {
        /** A producer exchange waits for the job: the callback completes it, and is never emitted by sd:webhook. */
        AWAITED('w'),
        /** The job was handed back (waitForResult=false): sd:webhook emits its callbacks. */
        HANDED_BACK('h');

        private final char mark;

        Use(char mark) {
            this.mark = mark;
        }
    }

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** 16 bytes of the HMAC (128 bits): as unguessable as the nonce. */
    private static final int MAC_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SdWebhookTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, HMAC);
    }

    SdWebhookTokens(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A key for a component without webhookSecret: its tokens are valid until it stops. */
    static byte[] randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** A new token: its use, a random nonce, and the MAC of both. */
    String issue(Use use) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String signed = use.mark + BASE64URL.encodeToString(nonce);
        return signed + "." + BASE64URL.encodeToString(mac(signed));
    }

    /** What a token is for, or null when it is not one this secret issued. */
    Use verify(String token) {
        if (token == null || token.length() > 64) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 2) {
            return null;
        }
        String signed = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(given, mac(signed))) { // constant time: the comparison reveals nothing
            return null;
        }
        for (Use use : Use.values()) {
            if (use.mark == signed.charAt(0)) {
                return use;
            }
        }
        return null;
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e); // every Java runtime has it
        }
    }
}
