package org.patchgap.formats.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsMatcher;
import org.patchgap.formats.InventoryReader;

/**
 * SMBv1 configuration, which lessens exposure to SMBv1 flaws: {@code Get-SmbServerConfiguration | ConvertTo-Json}
 * ({@code EnableSMB1Protocol}: true or false, becomes {@code smb1.server=enabled|disabled}) and
 * {@code Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol | ConvertTo-Json} ({@code State}, becomes
 * {@code smb1.feature=enabled|disabled}). Run locally these name no computer ({@code PSComputerName} is null), so
 * the host is named after the directory the file is in (see {@code HostBuilder}).
 */
public final class SmbConfigurationJsonReader implements InventoryReader {

    @Override
    public String name() {
        return "windows-smb-configuration-json";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String text = WindowsText.decodeHead(head);
        return Json.headHas(text, "EnableSMB1Protocol") || (Json.headHas(text, "FeatureName") && text.contains("\"SMB1Protocol"));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Json.parse(file, WindowsText.read(file),
                "the JSON of Get-SmbServerConfiguration or Get-WindowsOptionalFeature -FeatureName SMB1Protocol");
        List<Problem> problems = new ArrayList<>();
        HostBuilder h = new HostBuilder(null);
        List<JsonNode> items = Json.items(root);
        for (int i = 0; i < items.size(); i++) {
            JsonNode o = items.get(i);
            String pointer = root.isArray() ? "/" + i : "";
            if (h.name == null) h.name = Json.text(o, "PSComputerName");
            if (o.has("EnableSMB1Protocol")) {
                JsonNode v = o.get("EnableSMB1Protocol");
                if (v.isBoolean()) {
                    h.configuration.put(WindowsMatcher.SMB1_SERVER, v.asBoolean() ? "enabled" : "disabled");
                } else {
                    problems.add(new Problem(new Location(file.toString(), pointer + "/EnableSMB1Protocol"),
                            "expected true or false, found " + v));
                }
            }
            String feature = Json.text(o, "FeatureName");
            if (feature != null && feature.toLowerCase(Locale.ROOT).startsWith("smb1protocol")
                    && (feature.equalsIgnoreCase("SMB1Protocol") || feature.equalsIgnoreCase("SMB1Protocol-Server"))) {
                JsonNode state = o.get("State");
                String s = state == null || !state.isTextual() ? null : state.asText().toLowerCase(Locale.ROOT);
                if (s != null && s.startsWith("enable")) {
                    h.configuration.put(WindowsMatcher.SMB1_FEATURE, "enabled");
                } else if (s != null && s.startsWith("disable")) {
                    h.configuration.put(WindowsMatcher.SMB1_FEATURE, "disabled");
                } else {
                    // Windows PowerShell 5.1 writes enums as numbers; we do not guess what a number means.
                    problems.add(new Problem(new Location(file.toString(), pointer + "/State"),
                            "expected the feature state as a word (Enabled, Disabled, DisabledWithPayloadRemoved), found "
                                    + state + "; export with ConvertTo-Json -EnumsAsStrings (PowerShell 7) or "
                                    + "Select-Object FeatureName, @{n='State';e={\"$($_.State)\"}}"));
                }
            }
        }
        if (h.configuration.isEmpty()) {
            if (!problems.isEmpty()) throw new BadInputException(problems.get(0).location(), problems.get(0).message());
            throw new BadInputException(Location.of(file.toString()),
                    "expected EnableSMB1Protocol or an SMB1Protocol feature State");
        }
        return new ReadResult<>(List.of(h.build(file)), problems);
    }
}
