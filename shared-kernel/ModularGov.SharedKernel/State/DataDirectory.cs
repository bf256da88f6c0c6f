namespace ModularGov.SharedKernel.State;

/// <summary>
/// The district's data directory (<c>Storage:DataDir</c>, as a full path), which the host registers for every module:
/// where a module keeps a file beside the store, e.g. the first start's admin token.
/// </summary>
public sealed record DataDirectory(string Path);
