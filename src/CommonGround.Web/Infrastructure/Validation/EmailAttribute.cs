using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CommonGround.Web.Infrastructure.Validation;

/// <summary>
/// An email address that can really be sent to: something before the @, and after it a domain of letters, numbers and
/// hyphens with at least one dot. The framework's own check accepts anything with an @ in it (even "a@(1+1)"), which
/// then fails in the email queue for ever instead of being put right by the person who typed it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class EmailAttribute() : ValidationAttribute("Enter an email address in the correct format, like name@example.com")
{
    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || IsValidAddress(text.Trim());

    public static bool IsValidAddress(string address) => address.Length <= 254 && Address().IsMatch(address);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Address();
}
