namespace ModularGov.SharedKernel.Plugins;

/// <summary>
/// The version of the street-plugin contract this kernel offers. A plugin compiles the value into its
/// manifest, so the host can tell what the plugin was built against before it runs any of its code.
/// Raise it whenever a change to the kernel's plugin-facing types would break an existing plugin.
/// v2: streets ship their layout (compounds, merge and grid plans, tiers, stations).
/// v3: streets ship their duties (duty list and posts, plaques, burden baseline).
/// v4: streets ship their people (staffing, roster, career moves, secondments).
/// </summary>
public static class KernelContract
{
    public const int Version = 4;
}
