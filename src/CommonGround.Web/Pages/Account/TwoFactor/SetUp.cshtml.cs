using System.ComponentModel.DataAnnotations;
using System.Text;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CommonGround.Web.Pages.Account.TwoFactor;

[ShowsNoChildData]
public sealed class SetUpModel(
    UserManager<UserAccount> userManager,
    SignInManager<UserAccount> signInManager,
    SessionService sessions,
    AuditLog auditLog,
    CurrentUser currentUser,
    IOptions<SecurityOptions> securityOptions) : PageBase
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool AlreadyOn { get; private set; }
    public bool CanTurnOff { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Code from the app")]
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(20, ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = (await currentUser.GetAsync())!;
        if (person.Account.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor/set-up");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Invalid();
        }

        var user = person.Account;
        if (!await userManager.VerifyTwoFactorTokenAsync(user, TotpAuthenticator.ProviderName, Input.Code!))
        {
            await LoadAsync();
            ModelState.AddModelError("Input.Code", "The code is not right or has expired. Enter the code your app shows now");
            return Invalid();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        var actor = await currentUser.ActorAsync();
        await auditLog.RecordAsync(actor, AuditActions.TwoFactorEnabled, nameof(UserAccount), user.Id, "Turned on two-factor authentication");
        await sessions.EndOthersAsync(user.Id, DatabaseTicketStore.CurrentSession(HttpContext), actor, "after turning on two-factor authentication");
        await signInManager.RefreshSignInAsync(user);
        Confirm("Two-factor authentication is on");
        return Page();
    }

    private async Task LoadAsync()
    {
        var person = (await currentUser.GetAsync())!;
        var user = person.Account;
        AlreadyOn = user.TwoFactorEnabled;
        if (AlreadyOn)
        {
            RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user);
            CanTurnOff = !(person.IsProfessional && securityOptions.Value.RequireMfaForProfessionals);
            return;
        }

        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = (await userManager.GetAuthenticatorKeyAsync(user))!;
        }

        FormattedKey = FormatKey(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("CommonGround:" + user.Email)}?secret={key}&issuer=CommonGround&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(5));
    }

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
