package org.patchgap.formats.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsBuild;
import org.patchgap.core.windows.WindowsProducts;
import org.patchgap.formats.InventoryReader;

/**
 * {@code Get-ComputerInfo | ConvertTo-Json} (Windows PowerShell 5.1 and PowerShell 7): the product
 * ({@code OsName}, {@code OsVersion}, {@code OsArchitecture}, {@code OsServicePackMajorVersion},
 * {@code WindowsInstallationType}), the installed updates ({@code OsHotFixes}) and the host name ({@code CsName}).
 * The update build revision is not a property of its own: it is read from {@code WindowsUBR} when an export adds
 * it, else from {@code WindowsBuildLabEx} ({@code 14393.953.amd64fre...}) when its build matches the OS build.
 */
public final class GetComputerInfoJsonReader implements InventoryReader {

    private static final Pattern BUILD_LAB = Pattern.compile("^(\\d+)\\.(\\d+)\\.");

    @Override
    public String name() {
        return "windows-get-computerinfo-json";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String text = WindowsText.decodeHead(head);
        return Json.headHas(text, "WindowsBuildLabEx") || Json.headHas(text, "OsName", "CsName");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Json.parse(file, WindowsText.read(file), "the JSON of Get-ComputerInfo | ConvertTo-Json");
        List<Target> hosts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<JsonNode> items = Json.items(root);
        for (int i = 0; i < items.size(); i++) {
            String pointer = root.isArray() ? "/" + i + "/" : "/";
            JsonNode item = items.get(i);
            if (!item.isObject() || (Json.text(item, "OsVersion") == null && Json.text(item, "OsName") == null)) {
                problems.add(new Problem(new Location(file.toString(), pointer),
                        "expected Get-ComputerInfo properties OsName and OsVersion; skipped (were they collected as an administrator?)"));
                continue;
            }
            hosts.add(host(file, item, pointer, problems));
        }
        if (hosts.isEmpty() && !problems.isEmpty()) {
            throw new BadInputException(problems.get(0).location(), problems.get(0).message());
        }
        return new ReadResult<>(hosts, problems);
    }

    private static Target host(Path file, JsonNode o, String pointer, List<Problem> problems) {
        String name = Json.text(o, "CsName");
        if (name == null) name = Json.text(o, "CsDNSHostName");
        HostBuilder h = new HostBuilder(name);
        h.osName = Json.text(o, "OsName") != null ? Json.text(o, "OsName") : Json.text(o, "WindowsProductName");
        h.osVersion = Json.text(o, "OsVersion");
        h.architecture = Json.text(o, "OsArchitecture");
        String csd = Json.text(o, "OsCSDVersion");
        String spMajor = Json.text(o, "OsServicePackMajorVersion");
        h.servicePack = csd != null ? csd : spMajor != null && !spMajor.equals("0") ? "Service Pack " + spMajor : null;
        h.build = build(o, h.osVersion);
        String installation = installation(o);
        if (installation != null) h.configuration.put(WindowsProducts.INSTALLATION_KEY, installation);
        JsonNode fixes = o.get("OsHotFixes");
        if (fixes != null && fixes.isArray()) {
            for (int i = 0; i < fixes.size(); i++) {
                String id = Json.text(fixes.get(i), "HotFixID");
                if (id != null && !h.addUpdate(id)) {
                    problems.add(new Problem(new Location(file.toString(), pointer + "OsHotFixes/" + i + "/HotFixID"),
                            "not a KB update id, ignored: '" + id + "'"));
                }
            }
        }
        return h.build(file);
    }

    private static @Nullable String build(JsonNode o, @Nullable String osVersion) {
        WindowsBuild base = WindowsBuild.parse(osVersion).orElse(null);
        if (base == null) return osVersion;
        String ubr = Json.text(o, "WindowsUBR");
        if (ubr != null && ubr.matches("\\d+")) return base.withRevision(Integer.parseInt(ubr)).toString();
        String lab = Json.text(o, "WindowsBuildLabEx");
        if (lab != null) {
            Matcher m = BUILD_LAB.matcher(lab);
            if (m.find() && Integer.parseInt(m.group(1)) == base.build()) {
                return base.withRevision(Integer.parseInt(m.group(2))).toString();
            }
        }
        return base.toString();
    }

    /** {@code WindowsInstallationType} ({@code Client}, {@code Server}, {@code Server Core}), else {@code OsProductType}. */
    private static @Nullable String installation(JsonNode o) {
        String type = Json.text(o, "WindowsInstallationType");
        if (type != null) return type.toLowerCase(Locale.ROOT);
        String product = Json.text(o, "OsProductType");
        if (product == null) return null;
        // Win32_OperatingSystem.ProductType: 1 work station, 2 domain controller, 3 server (enum names in PowerShell 7).
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "1", "workstation" -> "client";
            case "2", "3", "server", "domaincontroller" -> "server";
            default -> null;
        };
    }
}
