namespace ModularGov.SharedKernel.Plugins;

/// <summary>
/// 街道插件清单 — the street plugin's manifest. The host reads it from the assembly's metadata, without
/// loading the assembly, and checks it before it trusts anything else in the plugin.
/// </summary>
/// <param name="code">Street code: lower-case ASCII letters and digits, e.g. <c>nanshanlu</c>.</param>
/// <param name="name">Chinese name, e.g. 南山路街道.</param>
/// <param name="kind">街道 or 镇.</param>
/// <param name="version">The plugin's own version, e.g. 1.0.0.</param>
/// <param name="kernelContract">Pass <see cref="KernelContract.Version"/>: the contract the plugin was built against.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class StreetPluginAttribute(string code, string name, string kind, string version, int kernelContract) : Attribute
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public string Kind { get; } = kind;
    public string Version { get; } = version;
    public int KernelContract { get; } = kernelContract;
}
