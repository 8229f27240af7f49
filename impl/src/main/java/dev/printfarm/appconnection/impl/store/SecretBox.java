package dev.printfarm.appconnection.impl.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a connection's secrets with AES-GCM. The connection id and key id are authenticated data, so a
 * sealed value copied onto another row, or relabelled with another key id, fails to open instead of
 * yielding someone else's secrets.
 */
public final class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretBox() {}

    /** Base64 of {@code iv || ciphertext+tag}. */
    public static String seal(ConnectionSecrets secrets, String connectionId, String keyId, SecretKey key) {
        return encrypt(serialize(secrets), aad(connectionId, keyId), key);
    }

    /**
     * @throws SecretsUnreadableException when the value was not sealed for this connection with this key
     */
    public static ConnectionSecrets open(String sealed, String connectionId, String keyId, SecretKey key) {
        byte[] plain = decrypt(sealed, aad(connectionId, keyId), key)
                .orElseThrow(() -> new SecretsUnreadableException(connectionId, keyId));
        return deserialize(plain, connectionId, keyId);
    }

    /** Base64 of {@code iv || ciphertext+tag} of one application secret, bound to {@code context} and the key id. */
    public static String sealText(String secret, String context, String keyId, SecretKey key) {
        return encrypt(secret.getBytes(StandardCharsets.UTF_8), textAad(context, keyId), key);
    }

    /** The secret {@link #sealText} sealed, or empty when the value was not sealed for this context with this key. */
    public static Optional<String> openText(String sealed, String context, String keyId, SecretKey key) {
        return decrypt(sealed, textAad(context, keyId), key).map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    private static String encrypt(byte[] plain, byte[] aad, SecretKey key) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM is unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The plaintext, or empty when the value is not base64, too short, or fails authentication. */
    private static Optional<byte[]> decrypt(String sealed, byte[] aad, SecretKey key) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return Optional.of(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] textAad(String context, String keyId) {
        return ("appconnection/app/v1/" + keyId + "/" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] aad(String connectionId, String keyId) {
        return ("appconnection/v1/" + keyId + "/" + connectionId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] serialize(ConnectionSecrets s) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            write(out, s.basicUser());
            write(out, s.basicPassword());
            write(out, s.bearerToken());
            write(out, Optional.of(s.appApiToken()));
            write(out, s.octoPrintApiKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static ConnectionSecrets deserialize(byte[] plain, String connectionId, String keyId) {
        try (var in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readByte() != FORMAT) {
                throw new SecretsUnreadableException(connectionId, keyId);
            }
            Optional<String> basicUser = read(in);
            Optional<String> basicPassword = read(in);
            Optional<String> bearer = read(in);
            String appApiToken = read(in).orElseThrow(() -> new SecretsUnreadableException(connectionId, keyId));
            return new ConnectionSecrets(basicUser, basicPassword, bearer, appApiToken, read(in));
        } catch (IOException e) {
            throw new SecretsUnreadableException(connectionId, keyId);
        }
    }

    private static Optional<String> read(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
