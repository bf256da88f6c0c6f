namespace ModularGov.Host.Access;

/// <summary>
/// Why a session cookie did not authenticate a request that it otherwise would: set by the authentication handler, answered by its
/// challenge with this status (403: a cross-site change, or a session that must change its password or enrol a second factor first).
/// </summary>
internal sealed record SessionRefusal(int Status, string Code, string TitleZh, string TitleEn, string Detail);
