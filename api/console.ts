import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

export const defaultConsoleDir = path.resolve(__dirname, '..', 'console', 'dist');

/**
 * Serves the web console's build at /console when it has been built. Paths without a file are the
 * console's own client-side routes, so they get index.html (the console then calls /api/v1 itself).
 */
export function serveConsole(app: Express, dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/console', express.static(dir, { index: 'index.html', fallthrough: true, maxAge: '1h' }));
  app.get('/console{/*rest}', (req, res, next) => {
    // A missing asset (a file name with an extension) is a real 404, not a console route.
    if (path.extname(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
