using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Plugins;

/// <summary>The streets this host serves, fixed at start-up. Disposes the streets' own containers on stop.</summary>
internal sealed class StreetDirectory(IReadOnlyList<LoadedStreet> streets) : IStreetDirectory, IDisposable
{
    private readonly Dictionary<string, LoadedStreet> _byCode = streets.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public IReadOnlyList<IStreet> All { get; } = streets;

    public IStreet? Find(string code) => _byCode.GetValueOrDefault(code);

    public void Dispose()
    {
        foreach (var street in _byCode.Values)
            street.Services.Dispose();
    }
}
