using System.Globalization;
using System.Text.Json;
using ModularGov.Dispatch.Centre;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Http;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Plugins;

namespace ModularGov.Dispatch.Http;

/// <summary>
/// 12345-style hotline records, as JSON (an array of records) or CSV (a header line, then one record a line).
/// Fields: id, receivedAt (ISO 8601), street, community, category, description, location, compound (optional).
/// Each record is taken on its own; a bad record is reported and does not stop the others. See docs/hotline-import.md.
/// </summary>
internal static class HotlineImport
{
    public const int MaxRecords = 1000;
    private static readonly string[] Columns = ["id", "receivedAt", "street", "community", "category", "description", "location", "compound"];

    public sealed record HotlineRecord(string? Id, DateTimeOffset? ReceivedAt, string? Street, string? Community, string? Category, string? Description, string? Location, string? Compound);

    /// <summary>The records, or why the whole document cannot be read.</summary>
    public static (List<HotlineRecord>? Records, string? Error) Parse(string body, bool csv)
    {
        try
        {
            var records = csv ? ParseCsv(body) : JsonSerializer.Deserialize<List<HotlineRecord>>(body, EmbeddedStreetData.Options) ?? [];
            return records.Count > MaxRecords ? (null, $"at most {MaxRecords} records per import") : (records, null);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (null, $"the document is not valid {(csv ? "CSV" : "JSON")}: {e.Message}");
        }
    }

    public static (NewCase? Case, string? Error) ToCase(HotlineRecord record, Actor by)
    {
        if (string.IsNullOrWhiteSpace(record.Id) || record.Id.Length > 64)
            return (null, "id is required (at most 64 characters)");
        var tooLong = TextRules.CheckLength("street", record.Street, TextRules.MaxId) ?? TextRules.CheckLength("community", record.Community, TextRules.MaxId)
            ?? TextRules.CheckLength("category", record.Category, TextRules.MaxId) ?? TextRules.CheckLength("compound", record.Compound, TextRules.MaxId)
            ?? TextRules.CheckLength("description", record.Description, IntakeRules.MaxDescription) ?? TextRules.CheckLength("location", record.Location, IntakeRules.MaxPlace);
        if (tooLong is not null)
            return (null, tooLong);
        if (!Enum.TryParse<ProblemCategory>(record.Category, ignoreCase: true, out var category) || int.TryParse(record.Category, out _))
            return (null, $"category '{record.Category}' is not known");
        return (new NewCase
        {
            Source = CaseSource.Hotline,
            SourceRef = $"12345:{record.Id}",
            Street = record.Street ?? "",
            Community = record.Community ?? "",
            Category = category,
            Description = record.Description ?? "",
            Place = record.Location ?? "",
            Compound = string.IsNullOrWhiteSpace(record.Compound) ? null : record.Compound,
            ReceivedAt = record.ReceivedAt,
            By = by,
        }, null);
    }

    private static List<HotlineRecord> ParseCsv(string body)
    {
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || !lines[0].Split(',').Select(h => h.Trim()).SequenceEqual(Columns))
            throw new FormatException($"the header must be: {string.Join(',', Columns)}");
        return lines.Skip(1).Select(Fields).Select(f => f.Length != Columns.Length
            ? throw new FormatException($"a line has {f.Length} fields, expected {Columns.Length}: quote fields that contain commas")
            : new HotlineRecord(f[0], DateTimeOffset.TryParse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
                f[2], f[3], f[4], f[5], f[6], f[7])).ToList();
    }

    /// <summary>One CSV line: fields split on commas, a field in double quotes may hold commas and "" for a quote.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString().Trim());
        return fields.ToArray();
    }
}
