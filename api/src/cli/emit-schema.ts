import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../schema';

/** The SDL committed at schema/schema.graphql: sorted, so the file only changes when the schema does. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

if (require.main === module) {
  const target = path.resolve(__dirname, '../../../schema/schema.graphql');
  printSdl()
    .then((sdl) => {
      fs.writeFileSync(target, sdl);
      console.log(`wrote ${target}`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
