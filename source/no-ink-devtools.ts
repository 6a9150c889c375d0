// Imported first by the explorer, before Ink: DEV=true makes Ink load React's devtools bridge, which
// timescope does not ship, and print a warning over the screen. DEV is a common name with other uses.
delete process.env.DEV;
