using CommonGround.Core;
using CommonGround.Core.DataRights;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>A person's right to everything held about themself: asked for here, prepared in the background, taken once.</summary>
public sealed class DownloadModel(RecordExportService exports, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public DownloadsView Downloads { get; private set; } = default!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await exports.RequestOwnAsync(await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            await LoadAsync();
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return Invalid();
        }

        Confirm("We are preparing your download", "We will tell you when it is ready, here and by email. It usually takes a minute or two.");
        return Redirect(RecordExportService.AccountDownloadPage);
    }

    /// <summary>The file itself, once, for the person who asked; anything else explains why not on the page.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid exportId)
    {
        var result = await exports.DownloadAsync(null, exportId, await currentUser.ActorAsync());
        if (result.Error is NotFoundError)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            await LoadAsync();
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        return File(result.Value!.Bytes, "application/zip", result.Value.FileName);
    }

    private async Task LoadAsync() =>
        Downloads = new DownloadsView(await exports.ListAsync(null, currentUser.UserId!.Value), timeProvider.GetUtcNow().UtcDateTime, RecordExportService.AccountDownloadPage);
}
