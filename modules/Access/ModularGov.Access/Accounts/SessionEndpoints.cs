using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Access.Accounts;

/// <summary><c>/api/sessions</c> (在线用户): who is signed in now, and 强退 — the security administrator ends a session at once, on every silo.</summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var sessions = api.MapPlaceGroup<DistrictPlace>("/sessions").WithTags("Access").WithMetadata(new OpenToRole(Role.SecurityAdmin));
        sessions.MapGet("", ListAsync).Allow(AccountAccessRules.SecurityAdmin);
        sessions.MapDelete("/{sessionId}", EndAsync).Allow(AccountAccessRules.SecurityAdmin);
    }

    internal static async Task<Ok<IReadOnlyList<SessionEntry>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISessionDirectoryGrain>(ISessionDirectoryGrain.Key).ListAsync());

    internal static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(string sessionId, IGrainFactory grains)
    {
        if (sessionId.Length != 64 || !sessionId.All(char.IsAsciiHexDigitLower))
            return ApiProblems.BadRequest($"session '{sessionId}' is not 64 lower-case hexadecimal digits (its id in GET /api/sessions)");
        return await grains.GetGrain<ISessionGrain>(sessionId).EndAsync("ended by the security administrator (强退)")
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("会话", sessionId);
    }
}
