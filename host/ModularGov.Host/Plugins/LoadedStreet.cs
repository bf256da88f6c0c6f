using System.Reflection;
using Autofac;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Plugins;

/// <summary>A street plugin that passed every check and is served by this host.</summary>
internal sealed class LoadedStreet(string folder, PluginManifest manifest, Assembly assembly, StreetProfile profile, StreetLayout layout, StreetDuties duties, StreetPersonnel personnel, IContainer services) : IStreet
{
    public string Folder { get; } = folder;
    public PluginManifest Manifest { get; } = manifest;
    public Assembly Assembly { get; } = assembly;
    public string Code => Manifest.Code;
    public string PluginVersion => Manifest.Version;
    public StreetProfile Profile { get; } = profile;
    public StreetLayout Layout { get; } = layout;
    public StreetDuties Duties { get; } = duties;
    public StreetPersonnel Personnel { get; } = personnel;
    public ILifetimeScope Services { get; } = services;
}

/// <summary>A plugin folder the host did not load, and why.</summary>
internal sealed record PluginRejection(string Folder, string Reason);

/// <summary>The outcome of scanning the plugin folder.</summary>
internal sealed record PluginScan(string PluginRoot, IReadOnlyList<LoadedStreet> Loaded, IReadOnlyList<PluginRejection> Rejected);
