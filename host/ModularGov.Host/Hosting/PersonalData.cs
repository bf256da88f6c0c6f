using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.State;

namespace ModularGov.Host.Hosting;

/// <summary>The <c>Privacy</c> section and the field cipher modules seal personal data with.</summary>
internal static class PersonalData
{
    /// <summary>
    /// Read before the host is built, so a bad setting or a malformed key file refuses the start rather than the first
    /// record. A single host makes its key file at the first start; a cluster's silos never do, since each would make a
    /// different key and none could open what another sealed.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration, HostSettings settings)
    {
        var options = CheckedOptions.Bind<PrivacyOptions>(configuration, PrivacyOptions.Section);
        FieldCipher cipher;
        try
        {
            cipher = FieldCipher.Load(options, new DataDirectory(settings.Storage.FullDataDir), createKeyFile: settings.Storage.Provider != StorageProviders.Redis);
        }
        catch (KeyFileException e)
        {
            throw new StartupRefusedException(e.Message);
        }
        services.AddSingleton(options);
        services.AddSingleton<IFieldCipher>(cipher);
    }
}
