// Code preloaded into a supervised node child: it exits as soon as the process that started it is gone, even when that
// process died from SIGKILL and had no chance to clean up.

/** A `--import` specifier (a data: URL, so no file has to be shipped) that watches `parentPid` every 500 ms. */
export function parentWatchdogImport(parentPid: number): string {
  const code =
    `const parent=${parentPid};` +
    `const alive=()=>{if(process.ppid!==parent)return false;try{process.kill(parent,0);return true}catch(e){return e.code==="EPERM"}};` +
    `setInterval(()=>{if(!alive())process.exit(0)},500).unref();`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}
