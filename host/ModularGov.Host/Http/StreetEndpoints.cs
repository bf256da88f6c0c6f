using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Http;

/// <summary><c>/api/streets</c>: the streets this host serves, each visible to the district and to callers inside it.</summary>
internal static class StreetEndpoints
{
    public sealed record StreetSummary(
        string Code, string Name, string Kind, decimal AreaKm2, int Households, int Residents,
        int Communities, int ResidentUnits, string PluginVersion, bool Sample, string Source);

    public sealed record CommunitySummary(
        string Id, string Code, string Name, string Kind, int Households, int Residents, bool Sample, string? Note);

    public sealed record StreetDetail(
        string Code, string Name, string Kind, decimal AreaKm2, int Households, int Residents,
        int Communities, int ResidentUnits, string PluginVersion, bool Sample, string Source,
        IReadOnlyList<CommunitySummary> CommunityList);

    public static void Map(IEndpointRouteBuilder api)
    {
        var district = api.MapPlaceGroup<DistrictPlace>("/streets").WithTags("Streets");
        district.MapGet("", ListVisible).Allow(DistrictAccessRules.AnyToken);

        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Streets");
        street.MapGet("", GetStreet).Allow(StreetAccessRules.InStreet);
    }

    /// <summary>The streets the caller's scope includes (a department's, none).</summary>
    private static List<StreetSummary> ListVisible(HttpContext http, IStreetDirectory directory) =>
        directory.All.Where(s => http.Caller().CanSeeStreet(s.Code)).Select(Summarize).ToList();

    private static Ok<StreetDetail> GetStreet(StreetPlace place) => TypedResults.Ok(Detail(place.Street));

    private static StreetSummary Summarize(IStreet street)
    {
        var p = street.Profile;
        return new StreetSummary(p.Code, p.Name, p.Kind.ToChinese(), p.AreaKm2, p.Households, p.Residents,
            p.Communities.Count, p.ResidentUnits, street.PluginVersion, p.Sample, p.Source);
    }

    private static StreetDetail Detail(IStreet street)
    {
        var s = Summarize(street);
        var communities = street.Profile.Communities
            .Select(c => new CommunitySummary($"{s.Code}.{c.Code}", c.Code, c.Name, c.Kind == CommunityKind.Village ? "村" : "社区",
                c.Households, c.Residents, c.Sample, c.Note))
            .ToList();
        return new StreetDetail(s.Code, s.Name, s.Kind, s.AreaKm2, s.Households, s.Residents, s.Communities,
            s.ResidentUnits, s.PluginVersion, s.Sample, s.Source, communities);
    }
}
