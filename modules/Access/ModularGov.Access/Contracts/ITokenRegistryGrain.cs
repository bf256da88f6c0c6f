using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Contracts;

/// <summary>
/// The ids of the tokens of one registry, in the order they were issued, kept in pages (the grain holds only the
/// count). Keyed by <see cref="TokenRegistries"/>.
/// </summary>
[Alias("ModularGov.Access.ITokenRegistryGrain")]
public interface ITokenRegistryGrain : IGrainWithStringKey
{
    /// <summary>Appends a token's id; an id among the last few appended is not appended again (a retried issue).</summary>
    [Alias("Add")]
    Task AddAsync(string tokenId);

    /// <summary>The ids after position <paramref name="after"/>, at most <paramref name="limit"/>, oldest first.</summary>
    [Alias("GetPage")]
    Task<Page<string>> GetPageAsync(int after, int limit);
}

/// <summary>The registries' keys: <see cref="District"/> lists every token, <see cref="ForStreet"/> the tokens scoped inside one street.</summary>
public static class TokenRegistries
{
    public const string District = "district";

    public static string ForStreet(string streetCode) => $"street.{streetCode}";
}
