package org.patchgap.core.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KbAndBuildTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "KB4012212 | KB4012212", "kb4012212 | KB4012212", "4012212 | KB4012212", " KB4012212-v2 | KB4012212",
            "KB958644 | KB958644", "Q147222 | ''", "File 1 | ''", "KB | ''", "KB40122123456 | ''"})
    void kbIdsAreNormalized(String text, String expected) {
        assertThat(Kb.normalize(text).orElse("")).isEqualTo(expected);
    }

    /** Installed-update entries as XP, Server 2003, Vista and 7 exports write them: the KB, then the suffix as detail. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "KB2510531-IE8 - Update | KB2510531 | -IE8 - Update", "KB975558_WM8 | KB975558 | _WM8",
            "KB925398_WMP64 | KB925398 | _WMP64", "KB2834904-v2_WM11 | KB2834904 | -v2_WM11",
            "KB4012212-v2 | KB4012212 | ''", "kb4012212 | KB4012212 | ''", "KB958644 - Update | KB958644 | - Update",
            "4012212 | KB4012212 | ''", "Q147222 | '' | ''", "File 1 | '' | ''", "4012212 fixed | '' | ''",
            "KB40122123456 | '' | ''", "KBX123456 | '' | ''"})
    void installedUpdatesWithSuffixesNameTheirKb(String text, String kb, String detail) {
        var installed = Kb.installed(text);
        assertThat(installed.map(Kb.Installed::kb).orElse("")).isEqualTo(kb);
        assertThat(installed.map(Kb.Installed::detail).orElse("")).isEqualTo(detail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.14393.953 | 10.0.14393.953", "6.1.7601 Service Pack 1 Build 7601 | 6.1.7601",
            "10.0.14393 N/A Build 14393 | 10.0.14393", "5.1.2600 | 5.1.2600", "Windows 7 | ''", "12 | ''"})
    void buildsAreRead(String text, String expected) {
        assertThat(WindowsBuild.parse(text).map(WindowsBuild::toString).orElse("")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x64-based PC | X64", "X86-based PC | X86", "ARM64-based PC | ARM64", "64-bit | X64", "32-bit | X86",
            "AMD64 | X64", "Itanium-based | IA64", "ARM 64-bit Processor | ARM64", "9 | ''"})
    void architecturesAreRead(String text, String expected) {
        assertThat(Architecture.parse(text).map(Enum::name).orElse("")).isEqualTo(expected);
    }
}
