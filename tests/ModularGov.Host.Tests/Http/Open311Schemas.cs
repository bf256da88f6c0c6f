using System.Xml.Linq;
using NJsonSchema;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// The official GeoReport v2 JSON Schemas (draft 4, <c>$ref</c> between files), read from <c>/work/shared/open311/schemas</c> or
/// the folder <c>OPEN311_SCHEMAS</c> names; a missing folder fails the test rather than skip the check.
/// </summary>
internal static class Open311Schemas
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("OPEN311_SCHEMAS") ?? "/work/shared/open311/schemas";

    private static readonly Dictionary<string, Task<JsonSchema>> Read = [];

    /// <summary>Asserts <paramref name="json"/> is valid against <paramref name="file"/> (e.g. <c>requests.json</c>).</summary>
    public static async Task ShouldMatchAsync(string json, string file)
    {
        Task<JsonSchema> schema;
        lock (Read)
        {
            if (!Read.TryGetValue(file, out schema!))
                Read[file] = schema = JsonSchema.FromFileAsync(Path.Combine(Folder, file));
        }
        var errors = (await schema).Validate(json).Select(e => $"{e.Path}: {e.Kind}").ToList();
        errors.ShouldBeEmpty($"{file} should accept {json}");
    }

    /// <summary>Parses an XML answer and checks its root element.</summary>
    public static XElement ShouldBeXml(string xml, string root)
    {
        var document = XDocument.Parse(xml);
        document.Root!.Name.LocalName.ShouldBe(root);
        return document.Root;
    }
}
