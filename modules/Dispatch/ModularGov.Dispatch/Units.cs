using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Plugins;

namespace ModularGov.Dispatch;

/// <summary>The units the centre can assign (district configuration shipped as data: data/units.json).</summary>
internal sealed class Units
{
    private readonly Dictionary<string, UnitInfo> _byId;

    public Units(IEnumerable<UnitInfo> units) => _byId = units.ToDictionary(u => u.Id);

    public static Units Shipped() => new(EmbeddedStreetData.Read<List<UnitInfo>>(typeof(Units).Assembly, "units.json"));

    public IReadOnlyCollection<UnitInfo> All => _byId.Values;

    public UnitInfo? Find(string id) => _byId.GetValueOrDefault(id);

    public string NameOf(string id) => Find(id)?.Name ?? id;

    /// <summary>The ids among <paramref name="ids"/> that are not units, for a clear refusal.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> ids) => ids.Where(id => !_byId.ContainsKey(id)).ToList();
}
