using Microsoft.AspNetCore.Http;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>The district itself: the place of district-wide routes (the dispatch centre, tokens, backups).</summary>
public sealed class DistrictPlace : IPlace<DistrictPlace>
{
    public static readonly DistrictPlace Instance = new();

    private DistrictPlace()
    {
    }

    public static ValueTask<PlaceLookup<DistrictPlace>> FindAsync(HttpContext http, AccessIdentity caller) => ValueTask.FromResult<PlaceLookup<DistrictPlace>>(Instance);
}
