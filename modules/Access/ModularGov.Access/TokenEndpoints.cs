using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Access;

/// <summary><c>/api/tokens</c>: issue and revoke API tokens while the host runs.</summary>
internal static class TokenEndpoints
{
    public sealed record IssueRequest(string? Role, string? Scope, string? Label);

    public sealed record IssuedResponse(string Token, string TokenId, string Role, string Scope, string Label);

    /// <summary>Only the district admin and street offices issue tokens; the issue policy says which roles and scopes.</summary>
    private static readonly AccessRule<DistrictPlace> Issuers =
        new("区级管理员或街道办 (the district admin or a street office)", (caller, _) => caller.Role is Role.DistrictAdmin or Role.StreetOperator);

    public static void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapPlaceGroup<DistrictPlace>("/tokens").WithTags("Access");
        tokens.MapPost("", async Task<Results<Created<IssuedResponse>, ProblemHttpResult>> (
            IssueRequest request, HttpContext http, ITokenIssuer issuer) =>
        {
            if (FieldLimits.Refusal(("role", request.Role, TextRules.MaxId), ("scope", request.Scope, TextRules.MaxId), ("label", request.Label, TokenIssuePolicy.MaxLabelLength)) is { } tooLong)
                return tooLong;
            var result = await issuer.IssueAsync(http.Caller(), request.Role, request.Scope, request.Label);
            if (result.Issued is not { } issued)
                return result.Forbidden ? ApiProblems.Forbidden(result.Error!) : ApiProblems.BadRequest(result.Error!);
            return TypedResults.Created($"/api/tokens/{issued.TokenId}", new IssuedResponse(
                issued.Token, issued.TokenId, issued.Grant.Role.Name(), issued.Grant.Scope.ToString(), issued.Grant.Label));
        }).Allow(Issuers);

        tokens.MapDelete("/{tokenId}", async Task<Results<NoContent, ProblemHttpResult>> (string tokenId, ITokenIssuer issuer) =>
                await issuer.RevokeAsync(tokenId) ? TypedResults.NoContent() : ApiProblems.NotFound("令牌", tokenId))
            .Allow(DistrictAccessRules.DistrictAdmin);
    }
}
