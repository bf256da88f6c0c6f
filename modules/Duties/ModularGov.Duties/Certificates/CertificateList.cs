using ModularGov.Duties.Contracts;
using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Plugins;

namespace ModularGov.Duties.Certificates;

/// <summary>
/// 不应由基层群众性自治组织出具的证明事项 — district configuration (data/certificates.json): the national first batch
/// of 20 and the provincial additions (marked as inferred where the seed only shows examples). A request in the
/// resident's own words is matched on the item's name and its common wordings, longest match first.
/// </summary>
internal sealed class CertificateList(IReadOnlyList<CertificateItem> items) : ICertificateDesk
{
    public IReadOnlyList<CertificateItem> Items { get; } = items;

    public static CertificateList Shipped() => new(EmbeddedStreetData.Read<List<CertificateItem>>(typeof(CertificateList).Assembly, "certificates.json"));

    public CertificateCheck Check(string words)
    {
        var query = Normalise(words);
        var match = Items
            .SelectMany(i => i.Aliases.Append(i.Name.Replace("证明", "")).Select(a => (Item: i, Alias: Normalise(a))))
            .Where(m => m.Alias.Length > 0 && query.Contains(m.Alias, StringComparison.Ordinal))
            .OrderByDescending(m => m.Alias.Length)
            .Select(m => m.Item)
            .FirstOrDefault();
        return match is null
            ? new CertificateCheck(words, false, null, null, null, null, "不在禁止出具清单内,可按社区职责办理 (not on the list: the community may handle it within its duties)")
            : new CertificateCheck(words, true, match.Name, match.Code, match.IssuedBy, match.Bring,
                $"社区不出具「{match.Name}」,请到{match.IssuedBy}办理,携带:{match.Bring} (the community does not issue this; go to the authority named)");
    }

    private static string Normalise(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))).ToLowerInvariant();
}
