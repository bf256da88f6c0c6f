using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ModularGov.SharedKernel.Settings;

/// <summary>
/// Binds an options class from its configuration section and checks it with its <see cref="ICheckedOptions.Problems"/>:
/// a bad value (or one that is not even of the key's type) refuses the start, naming the key. A list given in
/// configuration replaces the class's default list; the configuration binder alone would append to it.
/// </summary>
public static class CheckedOptions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> bound from <paramref name="section"/> and checked when the host starts
    /// (<c>ValidateOnStart</c>); consumers take <typeparamref name="T"/> itself or <see cref="IOptions{T}"/>.
    /// </summary>
    public static IServiceCollection AddCheckedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ICheckedOptions, new()
    {
        services.AddOptions<T>()
            .Configure(options => BindOnto(options, configuration.GetSection(section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, ProblemsValidator<T>>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>Binds and checks <typeparamref name="T"/> at once, for settings read before the host is built.</summary>
    /// <exception cref="OptionsValidationException">A value is bad; the failures name the keys.</exception>
    public static T Bind<T>(IConfiguration configuration, string section) where T : class, ICheckedOptions, new()
    {
        var options = new T();
        BindOnto(options, configuration.GetSection(section));
        if (options.Problems() is { Count: > 0 } problems)
            throw new OptionsValidationException(Options.DefaultName, typeof(T), problems);
        return options;
    }

    private static void BindOnto<T>(T options, IConfigurationSection section) where T : class
    {
        foreach (var property in typeof(T).GetProperties())
        {
            // The binder adds configured items to a collection that is already there; without one it makes a new one.
            if (property.CanWrite && property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                && section.GetSection(property.Name).GetChildren().Any())
                property.SetValue(options, null);
        }
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), [e.Message]);
        }
    }

    private sealed class ProblemsValidator<T> : IValidateOptions<T> where T : class, ICheckedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
