/**
 * Opening a web address in the person's browser, when there is one to open it in. Over SSH the
 * browser would open on the remote machine, if anywhere; on Linux without a display there is none;
 * and the opener itself (xdg-open) may be missing. In each case the explorer shows the address
 * instead of an error such as `spawn xdg-open ENOENT`.
 */

export type Opened = {readonly opened: true} | {readonly opened: false; readonly why: string};

/** Why no browser can be reached from here, or undefined when one may. */
export function noBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
	const display = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
	if ((env.SSH_CONNECTION || env.SSH_TTY) && !display) return 'an SSH session';
	if (platform !== 'darwin' && platform !== 'win32' && !display) return 'no graphical display';
	return undefined;
}

export async function openInBrowser(
	href: string,
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): Promise<Opened> {
	const why = noBrowser(env, platform);
	if (why) return {opened: false, why};
	const {default: open} = await import('open');
	try {
		await open(href);
		return {opened: true};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {opened: false, why: 'no opener such as xdg-open installed'};
		throw error;
	}
}
