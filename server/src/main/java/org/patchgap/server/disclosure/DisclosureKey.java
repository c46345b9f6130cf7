package org.patchgap.server.disclosure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's OpenPGP key (Bouncy Castle): it signs every published CSAF document (the detached {@code .asc}
 * CSAF requirement 7.1.19 asks for) and decrypts reports encrypted to it. RSA 3072, a signing primary key and an
 * encryption subkey, made on first start and kept armored in {@code <data>/disclosure/openpgp-secret.asc} (readable
 * by the server's user only), or read from {@code patchgap.disclosure.openpgp-key} when an operator brings their
 * own. The file is not protected by a passphrase: whoever reads it can sign as the service (docs/disclosure.md).
 */
@Component
public class DisclosureKey {

    /** At most this much plaintext is taken from one encrypted report (the largest report the form takes). */
    static final int MAX_PLAINTEXT = 64 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DisclosureKey.class);

    private final PGPSecretKeyRing secret;
    private final PGPPublicKeyRing publicRing;

    public DisclosureKey(@Value("${patchgap.datadir:.}") String dataDir,
            @Value("${patchgap.disclosure.openpgp-key:}") String keyFile,
            @Value("${patchgap.disclosure.name:Patchgap disclosure service}") String name) {
        Path file = keyFile.isBlank() ? Path.of(dataDir, "disclosure", "openpgp-secret.asc") : Path.of(keyFile);
        try {
            if (!Files.exists(file)) {
                if (!keyFile.isBlank()) throw new IllegalStateException("patchgap.disclosure.openpgp-key: no such file " + file);
                generate(file, name + " <disclosure@patchgap.invalid>");
                LOG.info("made the disclosure service's OpenPGP key in {}", file);
            }
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
                secret = new PGPSecretKeyRing(in, new JcaKeyFingerprintCalculator());
            }
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("cannot read or make the OpenPGP key " + file + ": " + e.getMessage(), e);
        }
        java.util.List<PGPPublicKey> keys = new java.util.ArrayList<>();
        secret.getPublicKeys().forEachRemaining(keys::add);
        publicRing = new PGPPublicKeyRing(keys);
    }

    private static void generate(Path file, String userId) throws IOException, PGPException {
        KeyPairGenerator rsa;
        try {
            rsa = KeyPairGenerator.getInstance("RSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
        rsa.initialize(3072);
        Date now = new Date();
        PGPKeyPair signing = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), now);
        PGPKeyPair encryption = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), now);
        PGPSignatureSubpacketGenerator primary = new PGPSignatureSubpacketGenerator();
        primary.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
        primary.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
        primary.setPreferredSymmetricAlgorithms(false,
                new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
        PGPSignatureSubpacketGenerator sub = new PGPSignatureSubpacketGenerator();
        sub.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, signing, userId, sha1,
                primary.generate(), null, new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA512),
                null);
        rings.addSubKey(encryption, sub.generate(), null);
        byte[] armored = armor(rings.generateSecretKeyRing().getEncoded());
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".openpgp-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection must do
            }
            Files.write(temp, armored);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The primary key's fingerprint, 40 upper-case hex digits, as CSAF's {@code public_openpgp_keys} lists it. */
    public String fingerprint() {
        return HexFormat.of().formatHex(secret.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The public key ring, armored: what {@code /.well-known/csaf/openpgp/<fingerprint>.asc} serves. */
    public byte[] armoredPublicKey() {
        try {
            return armor(publicRing.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An armored detached signature of {@code document} (SHA-512), a CSAF document's {@code .asc}. */
    public String sign(byte[] document) {
        try {
            PGPSecretKey key = secret.getSecretKey();
            PGPPrivateKey privateKey = key.extractPrivateKey(null);
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    key.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setIssuerFingerprint(false, key.getPublicKey());
            hashed.setSignatureCreationTime(false, new Date());
            generator.setHashedSubpackets(hashed.generate());
            generator.update(document);
            return new String(armor(generator.generate().getEncoded()), StandardCharsets.US_ASCII);
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("cannot sign with the disclosure key: " + e.getMessage(), e);
        }
    }

    /** Whether a body is an armored OpenPGP message (an encrypted report). */
    public static boolean isArmoredMessage(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.US_ASCII).strip();
        return head.startsWith("-----BEGIN PGP MESSAGE-----");
    }

    /** Refused encrypted input: not for our key, broken, or not integrity-protected. */
    public static final class UndecryptableException extends Exception {
        private static final long serialVersionUID = 1L;

        UndecryptableException(String message) {
            super(message);
        }
    }

    /**
     * The plaintext of a message encrypted to the service's key. Messages without integrity protection (no MDC)
     * are refused: their plaintext could have been altered on the way.
     */
    public byte[] decrypt(byte[] message) throws UndecryptableException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(message))) {
            JcaPGPObjectFactory factory = new JcaPGPObjectFactory(in);
            Object first = factory.nextObject();
            if (first != null && !(first instanceof PGPEncryptedDataList)) first = factory.nextObject();
            if (!(first instanceof PGPEncryptedDataList list)) {
                throw new UndecryptableException("not an OpenPGP encrypted message");
            }
            for (Iterator<PGPEncryptedData> it = list.getEncryptedDataObjects(); it.hasNext(); ) {
                if (!(it.next() instanceof PGPPublicKeyEncryptedData data)) continue;
                PGPSecretKey key = secret.getSecretKey(data.getKeyID());
                if (key == null) continue;
                if (!data.isIntegrityProtected()) throw new UndecryptableException("the message has no integrity protection (MDC)");
                InputStream clear = data.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder()
                        .build(key.extractPrivateKey(null)));
                byte[] plain = literal(new JcaPGPObjectFactory(clear).nextObject());
                if (!data.verify()) throw new UndecryptableException("the message's integrity check failed");
                return plain;
            }
            throw new UndecryptableException("the message is not encrypted to this service's key " + fingerprint());
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UndecryptableException("cannot decrypt: " + e.getMessage());
        }
    }

    private static byte[] literal(Object packet) throws IOException, PGPException, UndecryptableException {
        if (packet instanceof PGPCompressedData compressed) {
            return literal(new JcaPGPObjectFactory(compressed.getDataStream()).nextObject());
        }
        if (!(packet instanceof PGPLiteralData data)) throw new UndecryptableException("the message holds no literal data");
        try (InputStream in = data.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_PLAINTEXT + 1);
            if (bytes.length > MAX_PLAINTEXT) throw new UndecryptableException("the plaintext is over " + MAX_PLAINTEXT + " bytes");
            return bytes;
        }
    }

    private static byte[] armor(byte[] binary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream a = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            a.write(binary);
        }
        return out.toByteArray();
    }
}
