using System.Runtime.CompilerServices;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace ModularGov.Grids.Geography;

/// <summary>A street's shipped geography read from its GeoJSON (WGS-84, longitude first): grid shapes and compound points by code.</summary>
internal sealed record StreetShapes(IReadOnlyList<(string Code, Geometry Shape)> Grids, IReadOnlyList<(string Code, Geometry Shape)> Compounds)
{
    public static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Each street's text is read once: the load check and the grid map both ask, and the text lives as long as its street.</summary>
    private static readonly ConditionalWeakTable<string, Tuple<StreetShapes?, string?>> Read = new();

    /// <summary>The shapes, or why the text is not a FeatureCollection of grids and compounds.</summary>
    public static (StreetShapes? Shapes, string? Problem) Parse(string geoJson) =>
        Read.GetValue(geoJson, text => ParseText(text).ToTuple()).ToValueTuple();

    private static (StreetShapes? Shapes, string? Problem) ParseText(string geoJson)
    {
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(geoJson, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return (null, $"geography.geojson is not a GeoJSON FeatureCollection: {e.Message}");
        }
        if (features is null)
            return (null, "geography.geojson is empty");
        var grids = new List<(string, Geometry)>();
        var compounds = new List<(string, Geometry)>();
        foreach (var feature in features)
        {
            var kind = feature.Attributes?.GetOptionalValue("kind")?.ToString();
            var code = feature.Attributes?.GetOptionalValue("code")?.ToString();
            if (string.IsNullOrEmpty(code) || feature.Geometry is null)
                return (null, "geography.geojson has a feature without a code or without a geometry");
            switch (kind)
            {
                case "grid": grids.Add((code, feature.Geometry)); break;
                case "compound": compounds.Add((code, feature.Geometry)); break;
                default: return (null, $"geography.geojson: feature '{code}' is of kind '{kind}'; a feature is a 'grid' or a 'compound'");
            }
        }
        return (new StreetShapes(grids, compounds), null);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Wgs84));
        return options;
    }
}
