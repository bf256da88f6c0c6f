using ModularGov.Host.Access;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Http;

/// <summary><c>/api/tokens</c>: issue and revoke API tokens while the host runs.</summary>
internal static class TokenEndpoints
{
    public sealed record IssueRequest(string? Role, string? Scope, string? Label);

    public sealed record IssuedResponse(string Token, string TokenId, string Role, string Scope, string Label);

    public static void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Access");
        tokens.MapPost("/", async Task<Results<Created<IssuedResponse>, ProblemHttpResult>> (
            IssueRequest request, HttpContext http, TokenService service, IStreetDirectory streets) =>
        {
            var (grant, error, forbidden) = TokenIssuePolicy.Check(http.Caller(), request.Role, request.Scope, request.Label, streets);
            if (grant is null)
                return forbidden ? ApiProblems.Forbidden(error!) : ApiProblems.BadRequest(error!);
            var issued = await service.IssueAsync(grant);
            return TypedResults.Created($"/api/tokens/{issued.TokenId}",
                new IssuedResponse(issued.Token, issued.TokenId, grant.Role.Name(), grant.Scope.ToString(), grant.Label));
        });

        tokens.MapDelete("/{tokenId}", async Task<Results<NoContent, ProblemHttpResult>> (string tokenId, TokenService service) =>
                await service.RevokeAsync(tokenId) ? TypedResults.NoContent() : ApiProblems.NotFound("令牌", tokenId))
            .RequireAuthorization(TokenAuthenticationHandler.DistrictAdminPolicy);
    }
}
