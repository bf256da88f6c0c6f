using System.Text.Json;
using ModularGov.GeoSample;

// Draws each bundled street's sample grid shapes and compound points from its own compounds, merge plan and grid plan,
// and writes them to the street's data/geography.geojson. Usage: dotnet run --project tools/ModularGov.GeoSample [repo root]
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
foreach (var (street, origin) in StreetOrigins.All)
{
    var data = Path.Combine(root, "plugins", "streets", street, "data");
    var drawn = SampleGeography.Draw(StreetGround.Read(data), origin);
    File.WriteAllText(Path.Combine(data, "geography.geojson"), drawn.Json);
    Console.WriteLine($"{street}: {drawn.Grids} grids, {drawn.Compounds} compounds written to {data}/geography.geojson");
}
return 0;

namespace ModularGov.GeoSample
{
    /// <summary>
    /// Where each street's office stands (WGS-84), roughly, in 阳泉市城区: the sample shapes are drawn around it, far
    /// enough apart that no two streets' sample grids overlap.
    /// </summary>
    internal static class StreetOrigins
    {
        public static readonly (string Street, (double Lat, double Lon) Origin)[] All =
        [
            ("beidajie", (37.8680, 113.5850)),
            ("nanshanlu", (37.8400, 113.5900)),
            ("shangzhan", (37.8520, 113.5520)),
            ("yijing", (37.8850, 113.5050)),
        ];
    }

    /// <summary>A street's compounds, merge plan and grid plan, read from its data folder.</summary>
    internal sealed record StreetGround(
        List<ModularGov.SharedKernel.Layout.CompoundRecord> Compounds,
        ModularGov.SharedKernel.Layout.MergePlan MergePlan,
        ModularGov.SharedKernel.Layout.GridPlan GridPlan)
    {
        public static StreetGround Read(string folder) => new(
            Read<List<ModularGov.SharedKernel.Layout.CompoundRecord>>(folder, "compounds.json"),
            Read<ModularGov.SharedKernel.Layout.MergePlan>(folder, "merge-plan.json"),
            Read<ModularGov.SharedKernel.Layout.GridPlan>(folder, "grid-plan.json"));

        private static T Read<T>(string folder, string file) =>
            JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(folder, file)), ModularGov.SharedKernel.Plugins.EmbeddedStreetData.Options)!;
    }
}
