using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Layout;
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
        var group = api.MapGroup("").WithTags("Plans");

        group.MapGet("/streets/{code}/compounds", Results<Ok<CompoundsView>, ProblemHttpResult> (string code, HttpContext http, IStreetDirectory streets) =>
            StreetGridEndpoints.See(http, streets, code) is { } refused
                ? refused
                : TypedResults.Ok(new CompoundsView(streets.Find(code)!.Layout.Compounds, streets.Find(code)!.Layout.MergePlan.Compounds)));

        group.MapGet("/streets/{code}/merge-plan/proposal", Results<Ok<ProposalView>, ProblemHttpResult> (string code, HttpContext http, IStreetDirectory streets) =>
        {
            if (StreetGridEndpoints.See(http, streets, code) is { } refused)
                return refused;
            var street = streets.Find(code)!;
            var groups = MergeProposer.Propose(street.Layout.Compounds, StreetRules.GridRulesOf(street));
            var approved = street.Layout.MergePlan.Compounds.Select(m => string.Join(',', m.Members.Order(StringComparer.Ordinal))).ToHashSet();
            var matches = groups.Count == approved.Count && groups.All(g => approved.Contains(string.Join(',', g)));
            return TypedResults.Ok(new ProposalView(street.Layout.Compounds.Count, groups.Count, matches, groups));
        });

        group.MapGet("/streets/{code}/grid-plan/proposal", Results<Ok<GridProposalView>, ProblemHttpResult> (string code, HttpContext http, IStreetDirectory streets) =>
        {
            if (StreetGridEndpoints.See(http, streets, code) is { } refused)
                return refused;
            var street = streets.Find(code)!;
            var drawn = GridDrawer.Draw(street.Layout, StreetRules.GridRulesOf(street));
            static string Shape(IEnumerable<GridPart> parts) => string.Join('+', parts.Select(p => $"{p.Compound}:{p.Households}").Order(StringComparer.Ordinal));
            var approved = street.Layout.GridPlan.Grids.Select(g => Shape(g.Parts)).Order(StringComparer.Ordinal);
            return TypedResults.Ok(new GridProposalView(drawn.Count, drawn.Sum(g => g.Parts.Sum(p => p.Households)),
                drawn.Select(g => Shape(g.Parts)).Order(StringComparer.Ordinal).SequenceEqual(approved), drawn.Select(g => g.Parts).ToList()));
        });

        group.MapPost("/streets/{code}/merge-plan/check", Results<Ok<CheckResult>, ProblemHttpResult> (string code, DraftMergePlan draft, HttpContext http, IStreetDirectory streets) =>
        {
            if (DraftLimits.MergePlan(draft.Compounds) is { } tooLong)
                return tooLong;
            if (StreetGridEndpoints.See(http, streets, code) is { } refused)
                return refused;
            var street = streets.Find(code)!;
            var plan = new MergePlan("draft", default, draft.Compounds ?? [], false);
            return TypedResults.Ok(Result(LayoutCheck.CheckMergePlan(plan, street.Layout.Compounds, StreetRules.GridRulesOf(street))));
        });

        group.MapPost("/streets/{code}/grid-plan/check", Results<Ok<CheckResult>, ProblemHttpResult> (string code, DraftGridPlan draft, HttpContext http, IStreetDirectory streets) =>
        {
            if (DraftLimits.GridPlan(draft.Grids) is { } tooLong)
                return tooLong;
            if (StreetGridEndpoints.See(http, streets, code) is { } refused)
                return refused;
            var street = streets.Find(code)!;
            var plan = new GridPlan("draft", default, draft.Grids ?? [], false);
            return TypedResults.Ok(Result(LayoutCheck.CheckGridPlan(plan, street.Layout.MergePlan, street.Layout.Compounds, StreetRules.GridRulesOf(street))));
        });
    }

    private static CheckResult Result(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return new CheckResult(list.Count == 0, list);
    }
}
