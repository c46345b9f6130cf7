package org.patchgap.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/** A provider's signing key made for a test: its armored public key ring and armored detached signatures. */
final class TestSigningKey {

    private final PGPKeyPair pair;
    final byte[] armoredPublicKey;
    final String fingerprint;

    TestSigningKey(String userId) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            pair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, g.generateKeyPair(), new Date());
            PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
                    null, null, new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            armoredPublicKey = armor(rings.generatePublicKeyRing().getEncoded());
            fingerprint = java.util.HexFormat.of().formatHex(pair.getPublicKey().getFingerprint()).toUpperCase();
        } catch (PGPException | NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An armored detached signature of {@code document}, as a provider's {@code .asc} file. */
    byte[] sign(byte[] document) {
        try {
            PGPSignatureGenerator s = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256));
            s.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
            s.update(document);
            return armor(s.generate().getEncoded());
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] armor(byte[] binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream a = new ArmoredOutputStream(out)) {
            a.write(binary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
