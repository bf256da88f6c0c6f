using System.Text.RegularExpressions;

namespace ModularGov.SharedKernel.Streets;

/// <summary>
/// The consistency rules every street profile must meet before the host serves it: the parts add up to the
/// whole, so sample records can never drift away from the seed's totals.
/// </summary>
public static partial class StreetProfileRules
{
    [GeneratedRegex("^[a-z][a-z0-9]{1,31}$")]
    public static partial Regex CodePattern();

    /// <summary>Every rule the profile breaks, in words an operator can act on; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(StreetProfile profile)
    {
        var problems = new List<string>();
        if (!CodePattern().IsMatch(profile.Code))
            problems.Add($"street code '{profile.Code}' must be 2–32 lower-case ASCII letters or digits, starting with a letter");
        if (string.IsNullOrWhiteSpace(profile.Name))
            problems.Add("street name is empty");
        if (profile.AreaKm2 <= 0)
            problems.Add($"area {profile.AreaKm2} km² is not positive");
        if (profile.Households <= 0 || profile.Residents <= 0)
            problems.Add("households and residents must be positive");
        if (profile.ResidentUnits < 0)
            problems.Add("resident units must not be negative");
        if (profile.Communities.Count == 0)
            problems.Add("the street has no communities or villages");

        foreach (var duplicate in profile.Communities.GroupBy(c => c.Code).Where(g => g.Count() > 1))
            problems.Add($"community code '{duplicate.Key}' appears {duplicate.Count()} times");
        foreach (var community in profile.Communities)
        {
            if (!CodePattern().IsMatch(community.Code))
                problems.Add($"community code '{community.Code}' must be 2–32 lower-case ASCII letters or digits");
            if (string.IsNullOrWhiteSpace(community.Name))
                problems.Add($"community '{community.Code}' has no name");
            if (community.Households <= 0 || community.Residents <= 0)
                problems.Add($"community '{community.Code}' must have positive households and residents");
        }

        var households = profile.Communities.Sum(c => c.Households);
        if (households != profile.Households)
            problems.Add($"communities' households add up to {households}, the street says {profile.Households}");
        var residents = profile.Communities.Sum(c => c.Residents);
        if (residents != profile.Residents)
            problems.Add($"communities' residents add up to {residents}, the street says {profile.Residents}");
        return problems;
    }
}
