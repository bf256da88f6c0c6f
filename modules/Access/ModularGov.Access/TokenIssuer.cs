using System.Security.Cryptography;
using System.Text;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access;

internal sealed class TokenIssuer(IGrainFactory grains, IStreetDirectory streets) : ITokenIssuer
{
    private const string Prefix = "mg_";
    private const int MaxTokenLength = 512;

    public async Task<TokenIssueResult> IssueAsync(AccessIdentity issuer, string? role, string? scope, string? label)
    {
        var (grant, error, forbidden) = TokenIssuePolicy.Check(issuer, role, scope, label, streets);
        if (grant is null)
            return new TokenIssueResult(null, error, forbidden);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await RecordAsync(token, grant);
        return new TokenIssueResult(new IssuedToken(token, IdOf(token), grant), null, false);
    }

    /// <summary>Records a token chosen by the operator (Auth:BootstrapToken); idempotent.</summary>
    public Task RecordAsync(string token, TokenGrant grant) =>
        grains.GetGrain<IAccessTokenGrain>(IdOf(token)).IssueAsync(HashOf(token), grant);

    public Task<AccessIdentity?> AuthenticateAsync(string token) =>
        token.Length is 0 or > MaxTokenLength
            ? Task.FromResult<AccessIdentity?>(null)
            : grains.GetGrain<IAccessTokenGrain>(IdOf(token)).VerifyAsync(HashOf(token));

    public Task<bool> RevokeAsync(string tokenId) => grains.GetGrain<IAccessTokenGrain>(tokenId).RevokeAsync();

    /// <summary>The token's public id: safe to log and to name in a revocation.</summary>
    public static string IdOf(string token) => HashOf(token)[..16];

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
