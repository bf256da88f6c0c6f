using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.SharedKernel.Plugins;

/// <summary>Reads a street's data files, embedded in its plugin assembly as <c>data/&lt;file&gt;</c>.</summary>
public static class EmbeddedStreetData
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The layout from data/compounds.json, merge-plan.json, grid-plan.json, tiers.json, stations.json and, when shipped, geography.geojson.</summary>
    public static StreetLayout ReadLayout(Assembly plugin) => new(
        Read<List<CompoundRecord>>(plugin, "compounds.json"),
        Read<MergePlan>(plugin, "merge-plan.json"),
        Read<GridPlan>(plugin, "grid-plan.json"),
        Read<List<TierDecision>>(plugin, "tiers.json"),
        Read<List<StationRecord>>(plugin, "stations.json"))
    {
        Geography = ReadTextOrNull(plugin, "geography.geojson"),
    };

    /// <summary>An embedded data file's text, or null when the plugin does not ship it.</summary>
    public static string? ReadTextOrNull(Assembly plugin, string fileName)
    {
        if (Resource(plugin, fileName) is not { } resource)
            return null;
        using var reader = new StreamReader(plugin.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    private static string? Resource(Assembly plugin, string fileName) =>
        plugin.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal) || n == fileName);

    /// <summary>The duties from data/duties.json, plaques.json and burden-baseline.json.</summary>
    public static Duties.StreetDuties ReadDuties(Assembly plugin) => new(
        Read<Duties.DutyList>(plugin, "duties.json"),
        Read<List<Duties.PlaqueRecord>>(plugin, "plaques.json"),
        Read<List<Duties.BurdenBaseline>>(plugin, "burden-baseline.json"));

    /// <summary>The people from data/personnel.json.</summary>
    public static Personnel.StreetPersonnel ReadPersonnel(Assembly plugin) => Read<Personnel.StreetPersonnel>(plugin, "personnel.json");

    public static T Read<T>(Assembly plugin, string fileName)
    {
        var resource = Resource(plugin, fileName)
            ?? throw new InvalidDataException($"{plugin.GetName().Name} has no embedded data file '{fileName}'.");
        using var stream = plugin.GetManifestResourceStream(resource)!;
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options)
                ?? throw new InvalidDataException($"{fileName} in {plugin.GetName().Name} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName} in {plugin.GetName().Name} is not valid: {e.Message}", e);
        }
    }
}
