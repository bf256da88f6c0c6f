namespace ModularGov.Host.Plugins;

/// <summary>What a street plugin's <c>[assembly: StreetPlugin]</c> says, read from metadata alone.</summary>
internal sealed record PluginManifest(string Code, string Name, string Kind, string Version, int KernelContract);
