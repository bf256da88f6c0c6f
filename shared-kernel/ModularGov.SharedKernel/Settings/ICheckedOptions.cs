namespace ModularGov.SharedKernel.Settings;

/// <summary>An options class bound from one configuration section and checked before the host starts (see <see cref="CheckedOptions"/>).</summary>
public interface ICheckedOptions
{
    /// <summary>Every value out of its range, each naming its key and the value given (see <see cref="SettingChecks"/>); empty when all hold.</summary>
    IReadOnlyList<string> Problems();
}
