package org.patchgap.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.jspecify.annotations.Nullable;

/**
 * A CSAF provider's OpenPGP public keys ({@code public_openpgp_keys}, CSAF 2.0 section 7.1.20), and the check of a
 * document's detached signature ({@code <document>.asc}, requirement 7.1.19) against them, with Bouncy Castle.
 */
final class OpenPgpKeys {

    private final List<PGPPublicKey> keys;

    private OpenPgpKeys(List<PGPPublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    static OpenPgpKeys none() {
        return new OpenPgpKeys(List.of());
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * The keys of an armored (or binary) key file; when {@code fingerprint} is given (hex, spaces allowed), only a
     * key ring whose primary key has that fingerprint is accepted.
     *
     * @throws IOException when the file holds no key ring, or none with the fingerprint
     */
    static OpenPgpKeys read(byte[] keyFile, @Nullable String fingerprint) throws IOException {
        String wanted = fingerprint == null ? null : fingerprint.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        List<PGPPublicKey> out = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            for (PGPPublicKeyRing ring : rings) {
                String actual = HexFormat.of().formatHex(ring.getPublicKey().getFingerprint());
                if (wanted != null && !wanted.isEmpty() && !actual.equals(wanted)) continue;
                ring.getPublicKeys().forEachRemaining(out::add);
            }
        } catch (PGPException | RuntimeException e) {
            throw new IOException("not an OpenPGP public key: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(wanted == null ? "no OpenPGP public key in the file"
                    : "no key with fingerprint " + wanted + " in the file");
        }
        return new OpenPgpKeys(out);
    }

    OpenPgpKeys plus(OpenPgpKeys other) {
        List<PGPPublicKey> all = new ArrayList<>(keys);
        all.addAll(other.keys);
        return new OpenPgpKeys(all);
    }

    /** Null when {@code signature} is a valid signature of {@code document} by one of the keys; otherwise why not. */
    @Nullable String check(byte[] document, byte[] signature) {
        List<PGPSignature> signatures = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
            Object o = new JcaPGPObjectFactory(in).nextObject();
            if (!(o instanceof PGPSignatureList list)) return "the .asc file holds no OpenPGP signature";
            list.forEach(signatures::add);
        } catch (IOException | RuntimeException e) {
            return "the .asc file is not an OpenPGP signature: " + e.getMessage();
        }
        for (PGPSignature s : signatures) {
            for (PGPPublicKey key : keys) {
                if (key.getKeyID() != s.getKeyID()) continue;
                try {
                    s.init(new JcaPGPContentVerifierBuilderProvider(), key);
                    s.update(document);
                    return s.verify() ? null : "OpenPGP signature does not match the document (key "
                            + Long.toHexString(s.getKeyID()).toUpperCase(Locale.ROOT) + ")";
                } catch (PGPException e) {
                    return "OpenPGP signature cannot be checked: " + e.getMessage();
                }
            }
        }
        return "signed by key " + (signatures.isEmpty() ? "?" : Long.toHexString(signatures.get(0).getKeyID())
                .toUpperCase(Locale.ROOT)) + ", which is not among the provider's public_openpgp_keys";
    }
}
