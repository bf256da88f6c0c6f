using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Bench;

/// <summary>
/// Builds street plugins for scale measurements: real plugin folders, compiled with Roslyn against the kernel,
/// each a street of generated (and so entirely sample) data that passes every layout check: ten communities,
/// one 400-household compound per grid.
/// </summary>
internal static class StreetGenerator
{
    public static void Generate(string root, int streets, int gridsPerStreet)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(IStreetPlugin).Assembly.Location)
            .Append(typeof(Autofac.ContainerBuilder).Assembly.Location)
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToList();
        for (var i = 1; i <= streets; i++)
        {
            var code = $"gen{i:D3}";
            var folder = Path.Combine(root, code);
            Directory.CreateDirectory(folder);
            var files = Data(code, gridsPerStreet);
            var source = $$"""
                using ModularGov.SharedKernel.Duties;
                using ModularGov.SharedKernel.Layout;
                using ModularGov.SharedKernel.Plugins;
                using ModularGov.SharedKernel.Streets;
                [assembly: StreetPlugin("{{code}}", "生成街道{{i}}", "街道", "0.0.1", KernelContract.Version)]
                namespace ModularGov.Streets.Gen{{i}};
                public sealed class GeneratedStreet : IStreetPlugin
                {
                    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(GeneratedStreet).Assembly, "street.json");
                    public StreetLayout Layout { get; } = EmbeddedStreetData.ReadLayout(typeof(GeneratedStreet).Assembly);
                    public StreetDuties Duties { get; } = EmbeddedStreetData.ReadDuties(typeof(GeneratedStreet).Assembly);
                }
                """;
            var compilation = CSharpCompilation.Create($"ModularGov.Streets.Gen{i}", [CSharpSyntaxTree.ParseText(source)], references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var resources = files.Select(f => new ResourceDescription($"data.{f.Key}", () => new MemoryStream(f.Value), isPublic: true)).ToList();
            using var output = File.Create(Path.Combine(folder, $"ModularGov.Streets.Gen{i}.dll"));
            var result = compilation.Emit(output, manifestResources: resources);
            if (!result.Success)
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
    }

    private static Dictionary<string, byte[]> Data(string code, int grids)
    {
        const int communities = 10, households = 400, residents = 800;
        var perCommunity = grids / communities;
        var communityList = Enumerable.Range(1, communities).Select(k => new CommunityProfile($"k{k:D2}", $"样例社区{k}", CommunityKind.Community,
            perCommunity * households, perCommunity * residents, true, "generated sample")).ToList();
        var compounds = new List<CompoundRecord>();
        var merged = new List<MergedCompound>();
        var gridRecords = new List<GridRecord>();
        for (var n = 1; n <= perCommunity * communities; n++)
        {
            var community = $"k{(n - 1) / perCommunity + 1:D2}";
            compounds.Add(new CompoundRecord($"c{n:D5}", $"样例小区{n}", community, households, residents, 1985, new GeoPoint(n, n), [], [], "无物业", true));
            merged.Add(new MergedCompound($"m{n:D5}", $"样例小区{n}", community, [$"c{n:D5}"]));
            gridRecords.Add(new GridRecord($"g{n:D5}", $"样例网格{n}", community, [new GridPart($"m{n:D5}", households, residents)],
                new GridPerson("样例网格员", true), [new GridPerson("样例微网格长", true)]));
        }
        var profile = new StreetProfile(code, $"生成街道{int.Parse(code[3..])}", StreetKind.Subdistrict, 5, communityList.Sum(c => c.Households),
            communityList.Sum(c => c.Residents), 10, communityList, true, "generated sample for benchmarks");
        var duties = new DutyList(1, "generated", new DateOnly(2026, 1, 1), "generated", [new Post("p01", "综合岗", "样例", true)],
            [new DutyItem("b001", DutyKind.Basic, "网格化服务管理", "grid", "p01", true)], true);
        byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, EmbeddedStreetData.Options);
        return new()
        {
            ["street.json"] = Json(profile),
            ["compounds.json"] = Json(compounds),
            ["merge-plan.json"] = Json(new MergePlan("generated", new DateOnly(2026, 1, 1), merged, true)),
            ["grid-plan.json"] = Json(new GridPlan("generated", new DateOnly(2026, 1, 1), gridRecords, true)),
            ["tiers.json"] = Json(new List<TierDecision>()),
            ["stations.json"] = Json(new List<StationRecord>()),
            ["duties.json"] = Json(duties),
            ["plaques.json"] = Json(new List<PlaqueRecord>()),
            ["burden-baseline.json"] = Json(new List<BurdenBaseline>()),
        };
    }
}
