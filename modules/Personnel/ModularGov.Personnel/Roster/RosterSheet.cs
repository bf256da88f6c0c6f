using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.Streets;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Personnel.Roster;

/// <summary>
/// Reads the roster spreadsheet a street office already keeps (the columns of the roster's own export): a file that is not an
/// .xlsx, or lacks a needed column, is refused whole; each row is then checked on its own, and its numbers sealed.
/// A masked number (as the export writes it) means "unchanged".
/// </summary>
internal static class RosterSheet
{
    public const int MaxRows = 2_000;
    public static readonly string[] Required = ["姓名", "层级", "所在社区(村)"];

    /// <summary>The rows to apply and those already rejected, or why the whole file is refused.</summary>
    public sealed record Read(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowOutcome> Rejected);

    public static (Read? Sheet, string? Refusal) Parse(Stream file, IStreet street, DateOnly today, IFieldCipher cipher)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            return (null, "文件不是可读的 .xlsx 表格 (the file is not a readable .xlsx workbook)");
        }
        if (rows.Count == 0)
            return (null, "表格没有数据行 (the sheet has no rows below its header)");
        if (rows.Count > MaxRows)
            return (null, $"一次最多导入 {MaxRows} 行 (at most {MaxRows} rows an import)");
        var missing = Required.Where(column => !rows[0].ContainsKey(column)).ToList();
        if (missing.Count > 0)
            return (null, $"缺少列:{string.Join("、", missing)} (missing columns; the header row needs {string.Join(", ", Required)})");
        var accepted = new List<RosterRow>();
        var rejected = new List<RowOutcome>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2; // the header is line 1
            var (row, reason) = Row(rows[i], line, street, today, cipher);
            if (row is null)
                rejected.Add(new RowOutcome(line, RowOutcome.Rejected, Text(rows[i], "编号"), reason));
            else
                accepted.Add(row);
        }
        return (new Read(accepted, rejected), null);
    }

    private static (RosterRow? Row, string? Reason) Row(IDictionary<string, object?> cells, int line, IStreet street, DateOnly today, IFieldCipher cipher)
    {
        var name = Text(cells, "姓名");
        if (name is null || name.Length > PersonnelLimits.Name)
            return (null, $"姓名须为 1–{PersonnelLimits.Name} 个字 (a name of 1 to {PersonnelLimits.Name} characters)");
        if (Rung(Text(cells, "层级")) is not { } rung)
            return (null, $"层级「{Text(cells, "层级")}」应为 微网格长、全科网格员、社区工作者、事业编制人员 或 公务员 (unknown rung)");
        var place = Text(cells, "所在社区(村)");
        var community = place is null or "街道办" ? null : street.Profile.Communities.FirstOrDefault(c => c.Code == place || c.Name == place)?.Code;
        if (place is not (null or "街道办") && community is null)
            return (null, $"社区(村)「{place}」不在本街道 (not a community of {street.Profile.Name})");
        if ((community is null) != CareerLadder.IsOfficeRung(rung))
            return (null, "事业编制人员和公务员在街道办,其他层级须填所在社区(村) (office rungs work in the street office, the others in a community)");
        if (Committee(Text(cells, "两委职务")) is not { } committee)
            return (null, $"两委职务「{Text(cells, "两委职务")}」应为 书记、主任、两委委员 或 — (unknown committee seat)");
        int? graduate = null;
        if (Text(cells, "大学生(毕业年份)") is { } year and not "—")
        {
            if (!int.TryParse(year, out var parsed) || parsed < 1980 || parsed > today.Year)
                return (null, $"毕业年份「{year}」不是 1980–{today.Year} 的年份 (not a graduation year)");
            graduate = parsed;
        }
        var (identity, identityProblem) = Seal(Text(cells, "身份证号"), n => IdentityNumbers.Check(n, today), Masks.IdentityNumber, cipher);
        if (identityProblem is not null)
            return (null, $"身份证号:{identityProblem}");
        var (phone, phoneProblem) = Seal(Text(cells, "手机号"), PhoneNumbers.Check, Masks.Phone, cipher);
        if (phoneProblem is not null)
            return (null, $"手机号:{phoneProblem}");
        var id = Text(cells, "编号");
        if (id is { Length: > 64 })
            return (null, "编号过长 (the id is too long)");
        return (new RosterRow
        {
            Line = line, Id = id, Name = name, Rung = rung, Community = community, Committee = committee, GraduateYear = graduate, Identity = identity, Phone = phone,
        }, null);
    }

    /// <summary>A number checked and sealed; nothing for an empty cell or a mask (the export's own, meaning unchanged).</summary>
    private static (SealedNumber? Sealed, string? Problem) Seal(string? given, Func<string, SharedKernel.Results.Outcome<string>> check, Func<string?, string?> mask,
        IFieldCipher cipher)
    {
        if (given is null or "—" || given.Contains('*'))
            return (null, null);
        var number = check(given);
        return number.IsOk ? (new SealedNumber(cipher.Seal(number.Value!), mask(number.Value)!), null) : (null, number.Reason);
    }

    private static string? Text(IDictionary<string, object?> cells, string column) =>
        cells.TryGetValue(column, out var value) && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text ? text : null;

    private static CareerRung? Rung(string? text) =>
        Enum.GetValues<CareerRung>().Select(r => (CareerRung?)r).FirstOrDefault(r => CareerLadder.Words.Of(r!.Value) == text || string.Equals(r.ToString(), text, StringComparison.OrdinalIgnoreCase));

    private static CommitteeRole? Committee(string? text) => text is null or "—" or "无" ? CommitteeRole.None
        : Enum.GetValues<CommitteeRole>().Select(r => (CommitteeRole?)r).FirstOrDefault(r => r != CommitteeRole.None && CareerLadder.Words.Of(r!.Value) == text);
}
