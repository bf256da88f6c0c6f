using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Http;

/// <summary>合并小区 and 网格划分: the street's compounds and approved plans, a proposed merge plan, and checks of draft plans.</summary>
internal static class PlanEndpoints
{
    public sealed record CompoundsView(IReadOnlyList<CompoundRecord> Original, IReadOnlyList<MergedCompound> Merged);

    public sealed record ProposalView(int CompoundsBeforeMerge, int Compounds, bool MatchesApprovedPlan, IReadOnlyList<IReadOnlyList<string>> Groups);

    public sealed record GridProposalView(int Grids, int Households, bool MatchesApprovedPlan, IReadOnlyList<IReadOnlyList<GridPart>> Parts);

    public sealed record CheckResult(bool Valid, IReadOnlyList<string> Problems);

    public sealed record DraftMergePlan(IReadOnlyList<MergedCompound>? Compounds);

    public sealed record DraftGridPlan(IReadOnlyList<GridRecord>? Grids);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Plans");
        group.MapGet("/compounds", GetCompounds).Allow(StreetAccessRules.InStreet);
        group.MapGet("/merge-plan/proposal", ProposeMergePlan).Allow(StreetAccessRules.InStreet);
        group.MapGet("/grid-plan/proposal", ProposeGridPlan).Allow(StreetAccessRules.InStreet);
        group.MapPost("/merge-plan/check", CheckMergePlan).Allow(StreetAccessRules.InStreet);
        group.MapPost("/grid-plan/check", CheckGridPlan).Allow(StreetAccessRules.InStreet);
    }

    private static Ok<CompoundsView> GetCompounds(StreetPlace place) =>
        TypedResults.Ok(new CompoundsView(place.Street.Layout.Compounds, place.Street.Layout.MergePlan.Compounds));

    private static Ok<ProposalView> ProposeMergePlan(StreetPlace place)
    {
        var street = place.Street;
        var groups = MergeProposer.Propose(street.Layout.Compounds, StreetRules.GridRulesOf(street));
        var approved = street.Layout.MergePlan.Compounds.Select(m => string.Join(',', m.Members.Order(StringComparer.Ordinal))).ToHashSet();
        var matches = groups.Count == approved.Count && groups.All(g => approved.Contains(string.Join(',', g)));
        return TypedResults.Ok(new ProposalView(street.Layout.Compounds.Count, groups.Count, matches, groups));
    }

    private static Ok<GridProposalView> ProposeGridPlan(StreetPlace place)
    {
        var street = place.Street;
        var drawn = GridDrawer.Draw(street.Layout, StreetRules.GridRulesOf(street));
        static string Shape(IEnumerable<GridPart> parts) => string.Join('+', parts.Select(p => $"{p.Compound}:{p.Households}").Order(StringComparer.Ordinal));
        var approved = street.Layout.GridPlan.Grids.Select(g => Shape(g.Parts)).Order(StringComparer.Ordinal);
        return TypedResults.Ok(new GridProposalView(drawn.Count, drawn.Sum(g => g.Parts.Sum(p => p.Households)),
            drawn.Select(g => Shape(g.Parts)).Order(StringComparer.Ordinal).SequenceEqual(approved), drawn.Select(g => g.Parts).ToList()));
    }

    private static Results<Ok<CheckResult>, ProblemHttpResult> CheckMergePlan(StreetPlace place, DraftMergePlan draft)
    {
        if (DraftLimits.MergePlan(draft.Compounds) is { } tooLong)
            return tooLong;
        var street = place.Street;
        var plan = new MergePlan("draft", default, draft.Compounds ?? [], false);
        return TypedResults.Ok(Result(LayoutCheck.CheckMergePlan(plan, street.Layout.Compounds, StreetRules.GridRulesOf(street))));
    }

    private static Results<Ok<CheckResult>, ProblemHttpResult> CheckGridPlan(StreetPlace place, DraftGridPlan draft)
    {
        if (DraftLimits.GridPlan(draft.Grids) is { } tooLong)
            return tooLong;
        var street = place.Street;
        var plan = new GridPlan("draft", default, draft.Grids ?? [], false);
        return TypedResults.Ok(Result(LayoutCheck.CheckGridPlan(plan, street.Layout.MergePlan, street.Layout.Compounds, StreetRules.GridRulesOf(street))));
    }

    private static CheckResult Result(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return new CheckResult(list.Count == 0, list);
    }
}
