using ModularGov.PropertyTiers.Views;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Web;

namespace ModularGov.PropertyTiers.Pages;

/// <summary>The columns of a street's merged compounds: what each was merged from, and its tier.</summary>
internal static class CompoundColumns
{
    public static readonly IReadOnlyList<TableColumn<MergedCompoundView>> All =
    [
        new("id", "小区编号", c => c.Tier.Compound, Searched: true),
        new("name", "合并后小区", c => c.Tier.Name, Searched: true),
        new("community", "所属社区", c => c.CommunityName, Searched: true),
        new("members", "合并前原小区数", c => c.Members.Count),
        new("memberNames", "原小区", c => string.Join("、", c.Members), Searched: true),
        new("households", "户数", c => c.Households),
        new("built", "最早建成年份", c => c.OldestBuildYear, c => c.OldestBuildYear.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("tier", "物业分级", c => TierWords.Of(c.Tier.Tier), Searched: true),
        new("company", "物业企业", c => c.Tier.Company ?? "—", Searched: true),
        new("responsible", "责任方", c => c.Tier.Responsible),
    ];

    public static string? CellClass(string key, MergedCompoundView row) => key switch
    {
        "tier" when row.Tier.Tier == PropertyTier.Untiered => "overdue",
        "members" or "households" or "built" => "num",
        _ => null,
    };
}
