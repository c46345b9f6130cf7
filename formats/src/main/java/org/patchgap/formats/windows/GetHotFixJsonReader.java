package org.patchgap.formats.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;

/**
 * {@code Get-HotFix | ConvertTo-Json}: Win32_QuickFixEngineering objects ({@code HotFixID}, {@code CSName},
 * {@code PSComputerName}, ...), an array, or a single object when there is one update. Updates only; the product
 * comes from another export of the same host, joined by host name.
 */
public final class GetHotFixJsonReader implements InventoryReader {

    @Override
    public String name() {
        return "windows-get-hotfix-json";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String text = WindowsText.decodeHead(head);
        return Json.headHas(text, "HotFixID") && !text.contains("\"WindowsBuildLabEx\"") && !text.contains("\"OsName\"");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Json.parse(file, WindowsText.read(file), "the JSON of Get-HotFix | ConvertTo-Json");
        if (!root.isArray() && !root.isObject()) {
            throw new BadInputException(Location.of(file.toString()), "expected a JSON array or object of hotfixes");
        }
        Map<String, HostBuilder> hosts = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<JsonNode> items = Json.items(root);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String pointer = root.isArray() ? "/" + i : "";
            String id = item.isObject() ? Json.text(item, "HotFixID") : null;
            if (id == null) {
                problems.add(new Problem(new Location(file.toString(), pointer.isEmpty() ? "/" : pointer),
                        "expected an object with a HotFixID; skipped"));
                continue;
            }
            String host = Json.text(item, "CSName");
            if (host == null) host = Json.text(item, "PSComputerName");
            String name = host;
            HostBuilder h = hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), k -> new HostBuilder(name));
            if (!h.addUpdate(id)) {
                problems.add(new Problem(new Location(file.toString(), pointer + "/HotFixID"), "not a KB update id, ignored: '" + id + "'"));
            }
        }
        return new ReadResult<>(hosts.values().stream().map(h -> h.build(file)).toList(), problems);
    }
}
