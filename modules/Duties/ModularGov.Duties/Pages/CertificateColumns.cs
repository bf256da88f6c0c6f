using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>The columns of the certificate list at the counter, with how often each item was refused district-wide.</summary>
internal static class CertificateColumns
{
    public static IReadOnlyList<TableColumn<CertificateItem>> With(IReadOnlyList<RefusalCount> refusals)
    {
        var counts = refusals.ToDictionary(r => r.Code, r => r.Refusals);
        return
        [
            new("code", "编号", c => c.Code, Searched: true),
            new("name", "证明事项", c => c.Name, Searched: true),
            new("issuedBy", "出具部门", c => c.IssuedBy, Searched: true),
            new("bring", "所需材料", c => c.Bring),
            new("source", "依据", c => c.Source),
            new("refusals", "已拒开次数", c => counts.GetValueOrDefault(c.Code)),
        ];
    }
}
