using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CommonGround.Web.Infrastructure.Security;

public sealed class SecurityOptions
{
    /// <summary>When on, a professional sees no child's data until they have set up two-factor authentication.</summary>
    public bool RequireMfaForProfessionals { get; set; } = true;
}

/// <summary>Sends a professional without two-factor authentication to set it up before any page with child data.</summary>
public sealed class TwoFactorGate(CurrentUser currentUser, Microsoft.Extensions.Options.IOptions<SecurityOptions> options) : IAsyncPageFilter
{
    public const string SetUpPath = "/account/two-factor/set-up";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (options.Value.RequireMfaForProfessionals
            && await currentUser.GetAsync() is { IsProfessional: true } person
            && !person.Account.TwoFactorEnabled)
        {
            context.Result = new RedirectResult($"{SetUpPath}?required=true");
            return;
        }

        await next();
    }
}
