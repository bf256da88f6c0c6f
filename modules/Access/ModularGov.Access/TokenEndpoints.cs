using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Access;

/// <summary><c>/api/tokens</c>: issue, list and revoke API tokens while the host runs.</summary>
internal static class TokenEndpoints
{
    public sealed record IssueRequest(string? Role, string? Scope, string? Label, string? ExpiresAt);

    public sealed record IssuedResponse(string Token, string TokenId, string Role, string Scope, string Label, DateTimeOffset ExpiresAt);

    /// <summary>A token as listed: never its secret or the secret's hash.</summary>
    public sealed record TokenResponse(
        string TokenId, string Role, string Scope, string Label, string IssuedBy, string? IssuerTokenId,
        DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    /// <summary>Only the district admin and street offices issue and revoke tokens; the issuer says which roles, scopes and tokens.</summary>
    private static readonly AccessRule<DistrictPlace> Issuers =
        new("区级管理员或街道办 (the district admin or a street office)", (caller, _) => caller.Role is Role.DistrictAdmin or Role.StreetOperator);

    public static void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapPlaceGroup<DistrictPlace>("/tokens").WithTags("Access");
        tokens.MapPost("", IssueAsync).Allow(Issuers);
        // The district admin lists every token, a street operator its street's, any other token only itself.
        tokens.MapGet("", ListAsync).Allow(DistrictAccessRules.AnyToken);
        tokens.MapDelete("/{tokenId}", RevokeAsync).Allow(Issuers);
    }

    private static async Task<Results<Created<IssuedResponse>, ProblemHttpResult>> IssueAsync(IssueRequest request, HttpContext http, ITokenIssuer issuer)
    {
        if (FieldLimits.Refusal(("role", request.Role, TextRules.MaxId), ("scope", request.Scope, TextRules.MaxId),
                ("label", request.Label, TokenIssuePolicy.MaxLabelLength), ("expiresAt", request.ExpiresAt, TokenExpiry.MaxTextLength)) is { } tooLong)
            return tooLong;
        var result = await issuer.IssueAsync(http.Caller(), new TokenRequest(request.Role, request.Scope, request.Label, request.ExpiresAt));
        if (result.Issued is not { } issued)
            return result.Forbidden ? ApiProblems.Forbidden(result.Error!) : ApiProblems.BadRequest(result.Error!);
        return TypedResults.Created($"/api/tokens/{issued.TokenId}", new IssuedResponse(
            issued.Token, issued.TokenId, issued.Grant.Role.Name(), issued.Grant.Scope.ToString(), issued.Grant.Label, issued.ExpiresAt));
    }

    private static async Task<Results<Ok<IReadOnlyList<TokenResponse>>, ProblemHttpResult>> ListAsync(string? after, string? limit, HttpContext http, ITokenIssuer issuer)
    {
        if (Paging.Read(after, limit, out var page) is { } badPage)
            return badPage;
        var listed = await issuer.ListAsync(http.Caller(), page.After, page.Limit);
        Paging.LinkNext(http, listed.NextAfter, page);
        return TypedResults.Ok<IReadOnlyList<TokenResponse>>(listed.Items.Select(t => new TokenResponse(
            t.TokenId, t.Grant.Role.Name(), t.Grant.Scope.ToString(), t.Grant.Label, t.Grant.IssuedBy, t.Grant.IssuerTokenId,
            t.IssuedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToList());
    }

    /// <summary>Revokes the token and every token it issued, transitively; revoking a revoked token again is a 204 too.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string tokenId, HttpContext http, ITokenIssuer issuer) =>
        await issuer.RevokeAsync(http.Caller(), tokenId) switch
        {
            { Done: true } => TypedResults.NoContent(),
            { Status: RevokeStatus.Invalid, Reason: var reason } => ApiProblems.BadRequest(reason!),
            { Status: RevokeStatus.Forbidden, Reason: var reason } => ApiProblems.Forbidden(reason!),
            _ => ApiProblems.NotFound("令牌", tokenId),
        };
}
